# Writes a C++ header that holds the shell completion scripts, so `peers completion SHELL`
# prints exactly the files of this directory. Run at build time:
#   cmake -DSOURCE_DIR=<this dir> -DOUTPUT=<header> -P embed.cmake
set(text "// Generated from completions/ by completions/embed.cmake. Do not edit.\n#pragma once\n\n")
string(APPEND text "namespace peers::cli::embedded {\n\n")
foreach(entry "bash_completion=peers.bash" "zsh_completion=_peers" "fish_completion=peers.fish")
  string(REPLACE "=" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 file)
  file(READ "${SOURCE_DIR}/${file}" script)
  if(script MATCHES "\\)peers_script\"")
    message(FATAL_ERROR "${file} contains the raw string delimiter )peers_script\"")
  endif()
  string(APPEND text "inline constexpr const char* ${name} = R\"peers_script(${script})peers_script\";\n\n")
endforeach()
string(APPEND text "}  // namespace peers::cli::embedded\n")
file(WRITE "${OUTPUT}.tmp" "${text}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
