import groovy.json.JsonSlurper

def json = new JsonSlurper()
def whole = json.parse(new File(basedir, 'whole/fan/latest/metrics.json'))
def merged = json.parse(new File(basedir, 'reports/fan/latest/metrics.json'))
def a = json.parse(new File(basedir, 'shard-a/fan/run-0001/metrics.json'))
def b = json.parse(new File(basedir, 'shard-b/fan/run-0001/metrics.json'))

// the shards split the four units: dcgan seed 1, ddgan seed 1 in shard 1; dcgan seed 2, ddgan seed 2 in shard 2
assert a.models.dcgan.seeds*.seed == [1] && a.models.ddgan.seeds*.seed == [1]
assert b.models.dcgan.seeds*.seed == [2] && b.models.ddgan.seeds*.seed == [2]
assert !new File(basedir, 'shard-a/fan/latest').exists() : 'a shard is not the experiment latest'

// same machine, same seeds: the merged figures are the unsharded run's, to the bit
def figures = ['emd', 'js_divergence', 'js_distance', 'swd', 'swd_levels', 'ms_ssim', 'ms_ssim_real',
               'nn_distance_median', 'copies', 'untrained_emd', 'untrained_swd', 'parameters']
// timing differs from run to run; every other summary (mean, sd, interval, values) must not
def timing = ['train_images_per_second', 'train_seconds', 'sample_seconds', 'score_seconds']
for (model in ['dcgan', 'ddgan']) {
    for (f in figures) {
        assert merged.models[model][f] == whole.models[model][f] : "$model $f: merged ${merged.models[model][f]}, whole ${whole.models[model][f]}"
    }
    assert merged.models[model].seeds*.emd == whole.models[model].seeds*.emd
    def summary = { m -> m.summary.findAll { k, v -> !(k in timing) } }
    assert summary(merged.models[model]) == summary(whole.models[model])
}
assert merged.comparisons == whole.comparisons : 'the paired comparisons too'
assert new File(basedir, 'reports/fan/run-0001/COMPLETE').exists()

// one Allure result per comparison, labelled with its shards and hosts
def results = new File(basedir, 'reports/fan/run-0001/allure-results').listFiles().findAll { it.name.endsWith('-result.json') }
        .collect { json.parse(it) }
def paper = results.findAll { it.name.endsWith('against the paper') }
assert paper.size() == 4 && paper*.name.unique().size() == 4 : paper*.name
for (r in paper) {
    assert r.labels.findAll { it.name == 'shard' }*.value.sort() == ['1/2', '2/2'] : r.labels
    assert r.labels.any { it.name == 'host' }
}
def log = new File(basedir, 'build.log').text
assert log.contains('gan.from: cannot merge fan: 2 of 4 units are missing (dcgan seed 2, ddgan seed 2); pass the runs of shards 2 of 2 too')
assert log.contains('Merged 2 shards (4 units')
assert log =~ /within tolerance/ : 'gan:check passes on the merged run'
assert new File(basedir, 'reports/fan/allure-report/index.html').exists()
return true
