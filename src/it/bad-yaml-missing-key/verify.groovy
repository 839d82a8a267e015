def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def errors = log.readLines().findAll { it.startsWith('[ERROR]') && it.contains('bad.yaml:') }
assert !errors.isEmpty() : 'no [ERROR] line naming bad.yaml:line'
assert errors[0] =~ /bad\.yaml:\d+:\d+/
assert errors[0].contains('train') : errors[0]
assert !log.contains('\tat ') : 'stack trace printed for a user mistake'
assert !new File(basedir, 'reports/bad').exists() : 'a run directory was created for an invalid experiment'
return true
