# peers ci init github|gitlab writes a workflow that installs peers as the README does, caches
# the build and runs peers check (errors fail the job; warnings with --strict); it never
# replaces an existing file without --force.
fixture: basic

$ git init -q -b main && peers ci init github --source https://git.example.org/tools/peers.git
! Wrote .github/workflows/peers.yml: review it, then commit it

$ python3 -c 'import sys, yaml; w = yaml.safe_load(open(".github/workflows/peers.yml")); print(sorted(w[True]), w["env"]["PEERS_SOURCE"]); print(*[s.get("name", s.get("uses")) for s in w["jobs"]["check"]["steps"]], sep="\n")'
['pull_request', 'push'] https://git.example.org/tools/peers.git
actions/checkout@v4
Get peers
Cache the peers build
Install peers (as its README does)
peers check

$ grep -E '\.ci/setup|cmake|peers --store|actions/cache' .github/workflows/peers.yml | sed 's/^ *//'
uses: actions/cache@v4
.ci/setup
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2
cmake --install build --prefix ~/.local/peers
peers --store ./ check --format github --changed-since "origin/${{ github.base_ref }}"
peers --store ./ check --format github

$ peers ci init github
! peers: error: .github/workflows/peers.yml already exists
! hint: look at it first; 'peers ci init github --force' replaces it
[1]

$ peers ci init github --force --strict 2>/dev/null && grep -c 'check --format github --strict' .github/workflows/peers.yml
2

$ peers ci init gitlab 2>&1 && python3 -c 'import yaml; p = yaml.safe_load(open(".gitlab-ci.yml")); j = p["peers-check"]; print(j["image"], j["cache"]["paths"], j["artifacts"]["reports"])'
Wrote .gitlab-ci.yml: review it, then commit it
Set PEERS_SOURCE in it to the git URL your team installs peers from (or run again with --source URL --force)
debian:12 ['.peers-build/'] {'codequality': 'gl-code-quality-report.json'}

$ echo 'existing: true' > .gitlab-ci.yml && peers ci init gitlab
! peers: error: .gitlab-ci.yml already exists
! hint: add the peers-check job to it by hand (see 'peers ci init gitlab --force' in a scratch clone), or replace it with --force
[1]

# In a store inside a repository, the workflow goes to the top and names the store's folder.
$ mkdir -p sub && git init -q -b main outer && cp -r people topics questions peers.yaml outer/ 2>/dev/null; mkdir -p outer/team && mv outer/people outer/topics outer/questions outer/peers.yaml outer/team/ && cd outer/team && peers ci init github 2>/dev/null && grep -c 'peers --store ./team/ check' ../.github/workflows/peers.yml
2

$ peers ci init bitbucket
! peers: error: forge: bitbucket not in {github,gitlab}
! hint: run 'peers ci init --help' for usage
[2]
