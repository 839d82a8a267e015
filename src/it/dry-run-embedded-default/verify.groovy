def log = new File(basedir, 'build.log').text
assert log.contains('embedded quickstart')
assert log.contains('format: generated')
assert log.contains('resolution: 64')
assert !new File(basedir, 'reports/quickstart').exists() : 'a dry run must not create a run directory'
return true
