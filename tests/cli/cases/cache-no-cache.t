# $PEERS_NO_CACHE reads every file and writes no cache; a store whose .peers cannot be made
# still works, with the cache under $XDG_CACHE_HOME/peers when that is set.
fixture: basic

$ PEERS_NO_CACHE=1 peers list | wc -l && (test -e .peers && echo cache || echo no cache)
4
no cache

$ echo 'in the way' > .peers && peers list | wc -l && cat .peers
4
in the way

$ XDG_CACHE_HOME=$WORK/xdg peers list | wc -l && ls $WORK/xdg/peers/*/
4
cache
cache.journal
cache.lock

$ XDG_CACHE_HOME=$WORK/xdg peers list --json | cmp - <(PEERS_NO_CACHE=1 peers list --json) && echo same
same
