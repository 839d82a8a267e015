import groovy.json.JsonSlurper

// Worked out by hand from the three solid images written by setup.groovy.
// EMD per channel = area between the two CDFs on [0, 1] (value / 255):
//   R: real {10: .5, 200: .5} vs fake {40: 1}: .5 * 30 + .5 * 160 = 95   (/255)
//   G: real {20: .5, 100: .5} vs fake {20: 1}: .5 * 80             = 40   (/255)
//   B: real {30: .5, 50: .5}  vs fake {60: 1}: .5 * 20 + 1 * 10    = 20   (/255)
double emd = (95 + 40 + 20) / 255.0 / 3
// JS divergence (natural log): R and B have disjoint supports -> ln 2;
//   G: real p = {20: .5, 100: .5}, fake q = {20: 1}, m = (p + q) / 2 = {20: .75, 100: .25}:
//      JS = .5 KL(p || m) + .5 KL(q || m)
double jsG = 0.5 * (0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25)) + 0.5 * Math.log(1 / 0.75)
double js = (2 * Math.log(2) + jsG) / 3
def out = new JsonSlurper().parse(new File(basedir, 'out/metrics.json'))
assert Math.abs(out.emd - emd) < 1e-6 : "emd ${out.emd} != ${emd}"
assert Math.abs(out.js_divergence - js) < 1e-6 : "js ${out.js_divergence} != ${js}"
// the structural metrics are there too; two identical fake images are not diverse at all
['swd', 'swd_levels', 'ms_ssim', 'ms_ssim_real', 'nn_distance_median', 'nn_distance_median_real', 'copies'].each {
    assert out.containsKey(it) : "no ${it} in ${out}"
}
assert Math.abs(out.ms_ssim - 1.0) < 1e-9
assert out.swd_levels.keySet() == ['16'] as Set
return true
