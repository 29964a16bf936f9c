# A corrupt, truncated or foreign cache file is ignored and rebuilt; the records are unchanged.
fixture: basic

$ peers list --json > $WORK/before.json && wc -c < .peers/cache | tr -d ' ' | grep -qv '^0$' && echo built
built

$ printf 'this is not a peers cache' > .peers/cache && peers list --json | cmp - $WORK/before.json && echo same
same
@unchanged

$ head -c 3 .peers/cache
PEE

$ truncate -s -5 .peers/cache && peers list --json | cmp - $WORK/before.json && echo same
same

$ head -c 200 /dev/urandom >> .peers/cache.journal && peers list --json | cmp - $WORK/before.json && echo same
same

$ dd if=/dev/zero of=.peers/cache bs=1 count=8 seek=300 conv=notrunc status=none && peers list --json | cmp - $WORK/before.json && echo same
same
