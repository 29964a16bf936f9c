# merge-driver: record text that spells the old internal placeholder (__peers_conflict_N__), as a line of a notes block or as a key, is data: no crash, no lost change, the real conflict shown (issue 17, defect 1)
fixture: none

$ printf 'name: M\ntitle: A\nnotes: |\n  x\n  __peers_conflict_77777777__\n' > b && sed 's/title: A/title: B/' b > o && sed 's/title: A/title: C/' b > t

$ peers merge-driver b o t people/m.yaml
! peers: error: people/m.yaml: 1 conflict left for you: both sides changed the same field
! hint: edit the file: keep one side between the <<<<<<< and >>>>>>> lines and delete the marker lines; 'peers check' shows each conflict
[1]

$ cat o
name: M
<<<<<<< yours
title: B
=======
title: C
>>>>>>> upstream
notes: |
  x
  __peers_conflict_77777777__

$ printf 'name: M\ntitle: A\nnotes: |\n  x\n  __peers_conflict_0__\n' > b && sed 's/title: A/title: B/' b > o && sed 's/title: A/title: C/' b > t && peers merge-driver b o t people/m.yaml
! peers: error: people/m.yaml: 1 conflict left for you: both sides changed the same field
! hint: edit the file: keep one side between the <<<<<<< and >>>>>>> lines and delete the marker lines; 'peers check' shows each conflict
[1]

$ cat o
name: M
<<<<<<< yours
title: B
=======
title: C
>>>>>>> upstream
notes: |
  x
  __peers_conflict_0__

$ printf 'name: M\ntitle: A\n__peers_conflict_0__: v\n' > b && sed 's/title: A/title: B/' b > o && sed 's/title: A/title: C/; s/: v/: w/' b > t && peers merge-driver b o t people/m.yaml
! peers: error: people/m.yaml: 1 conflict left for you: both sides changed the same field
! hint: edit the file: keep one side between the <<<<<<< and >>>>>>> lines and delete the marker lines; 'peers check' shows each conflict
[1]

$ cat o
name: M
<<<<<<< yours
title: B
=======
title: C
>>>>>>> upstream
__peers_conflict_0__: w
