# fish completion for peers. Installed in fish/vendor_completions.d; or run:
#   peers completion fish | source
# Live values (person and question ids, topics, tags, departments) come from the store
# through `peers __complete`.

function __peers_complete
    set -l tokens (commandline -opc)
    set -l current (string replace -r -- '^["\']' '' (commandline -ct))
    set -l lines ($tokens[1] __complete -- $tokens[2..-1] "$current" 2>/dev/null)
    switch "$lines[1]"
        case __files__
            __fish_complete_path $current
        case __dirs__
            __fish_complete_directories $current
        case '*'
            printf '%s\n' $lines
    end
end

complete -c peers -f -a '(__peers_complete)'
