def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the one-line summary names the metric, its value and the bound
def summary = log.readLines().find { it.contains('[ERROR]') && it.contains('models.dcgan.emd') }
assert summary != null : 'no one-line summary naming models.dcgan.emd'
assert summary.contains('0.03')
assert !log.contains('models.dcgan.js_divergence ') || !log.readLines().find { it.contains('[ERROR]') && it.contains('js_divergence') }
assert !log.contains('\tat org.')
return true
