# check: an alias claimed by two topics
fixture: check-aliases

$ peers check
@unchanged
topics/scholarships.yaml:1:7: warning: 'Scholarships' names both topic financial-aid and topic scholarships [alias-conflict]
  hint: keep it on one topic only, so questions that use it are routed one way
topics/scholarships.yaml:3:5: warning: 'fafsa' names both topic financial-aid and topic scholarships [alias-conflict]
  hint: keep it on one topic only, so questions that use it are routed one way
! 0 errors, 2 warnings
