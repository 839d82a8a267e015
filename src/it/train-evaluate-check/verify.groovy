import groovy.json.JsonSlurper

def run = new File(basedir, 'reports/tiny/run-0001')
assert new File(run, 'plan.yaml').isFile()
assert new File(run, 'COMPLETE').isFile()
def metrics = new JsonSlurper().parse(new File(basedir, 'reports/tiny/latest/metrics.json'))
assert metrics.experiment == 'tiny'
assert metrics.run == 'run-0001'
assert metrics.dataset.format == 'generated'
assert metrics.dataset.images == 48
assert metrics.dataset.resolution == 16
assert metrics.dataset.sha256 ==~ /[0-9a-f]{64}/
def m = metrics.models.dcgan
assert m.status == 'completed'
[m.emd, m.js_divergence, m.js_distance].each { assert it instanceof Number && it >= 0 && it < 1 }
assert m.parameters > 0
assert m.train_images_per_second > 0
assert m.epochs == 2
assert m.steps == 12
assert metrics.environment.tensorflow == '1.1.0'
// gan:sample -Dgan.count=10 replaced the 64 samples of training with 10
// the sample folder holds samples only (it can be handed to gan:evaluate as it is); the grid is apart
// gan:sample never touches the run's own samples: it draws into a folder of its own
def files = new File(run, 'samples/dcgan').listFiles()
assert files.size() == 64
assert files.every { it.name ==~ /sample-\d+\.png/ }
def drawn = new File(run, 'extra-samples/dcgan/step-00000012-seed-3-count-10/samples').listFiles()
assert drawn.size() == 10
def log0 = new File(basedir, 'build.log').text
assert log0.contains('dcgan: EMD ') && log0.contains('of its 64 samples in run-0001: reproduced') : 'gan:evaluate reproduced the run'
assert !new File(run, 'reevaluations').exists()
assert new File(run, 'grids/dcgan.png').length() > 0
assert new File(basedir, 'experiments/baselines/tiny.json').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('epoch 2/2 step 12/12')
return true
