import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'experiments/baselines/gate.json'))
def emd = baseline.metrics['models.dcgan.emd']
assert emd.mode == 'calibrated' && emd.n == 3 && emd.sd > 0 : 'the baseline is calibrated on three seeds'
assert baseline.environment.cpu != null : 'the baseline names its machine'
assert !baseline.metrics.keySet().any { it.endsWith('train_images_per_second') } : 'timing is not gated by default'

def log = new File(basedir, 'build.log').text
// the rerun on other seeds passes, every row calibrated
def rerun = log.substring(log.indexOf('Run directory'), log.lastIndexOf('Run directory'))
assert rerun.contains('all 6 gated metrics of gate within tolerance')
assert rerun =~ /models\.dcgan\.emd .* noise, 3 vs 3 seeds  OK/
// the undertrained run fails on the histogram distances
def last = log.substring(log.lastIndexOf('Run directory'))
assert last =~ /models\.dcgan\.js_divergence .* noise, 3 vs 3 seeds  REGRESSED/
assert last.contains('metrics regressed: ')
return true
