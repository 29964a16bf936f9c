# bash completion for peers                                        -*- shell-script -*-
# Installed as bash-completion/completions/peers; or add to ~/.bashrc:
#   source <(peers completion bash)
# Live values (person and question ids, topics, tags, departments) come from the store
# through `peers __complete`.

_peers() {
    local cur words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local typed=$cur quote=
    case $typed in
        \"* | \'*) quote=${typed:0:1} typed=${typed:1} ;;
    esac

    local line values=()
    while IFS= read -r line; do
        values+=("${line%%$'\t'*}")
    done < <("${words[0]}" __complete -- "${words[@]:1:cword-1}" "$typed" 2>/dev/null)

    COMPREPLY=()
    case ${values[0]-} in
        __files__)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
        __dirs__)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return ;;
    esac
    # Values come from the store, which anyone with push access writes: each is inserted so
    # that the shell reads it back as the same text and never runs any of it. Inside "...",
    # \ $ ` and " are escaped; inside '...', a ' closes, adds \' and reopens the quote. A
    # single value also closes the quote (bash does not, and would put its space inside it).
    local value
    for value in "${values[@]}"; do
        case $quote in
            \") value=${value//\\/\\\\} value=${value//\$/\\\$}
                value=${value//\`/\\\`} value=${value//\"/\\\"}
                COMPREPLY+=("$value") ;;
            \') COMPREPLY+=("${value//\'/\'\\\'\'}") ;;
            *) COMPREPLY+=("$(printf '%q' "$value")") ;;
        esac
    done
    if [[ -n $quote && ${#COMPREPLY[@]} -eq 1 ]]; then
        COMPREPLY[0]+=$quote
    fi
}
complete -F _peers peers
