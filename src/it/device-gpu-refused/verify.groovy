// Run only where there is no NVIDIA driver (this project's CI machines): the refusal must come before
// the GPU natives (526 MB) are resolved, so none may be in the local repository afterwards either.
def log = new File(basedir, 'build.log').text
if (new File('/proc/driver/nvidia/version').exists()) {
    return true
}
assert log.contains('BUILD FAILURE')
def errors = log.readLines().findAll { it.startsWith('[ERROR]') && it.contains('gan.device=gpu: no usable NVIDIA driver') }
assert !errors.isEmpty() : 'no [ERROR] line naming the missing driver'
assert errors[0].contains('CUDA 12.5') && errors[0].contains('cuDNN 9.3') && errors[0].contains('-Dgan.device=cpu')
assert !log.contains('\tat ') : 'stack trace printed for a user mistake'
assert !log.contains('linux-x86_64-gpu') : 'the GPU natives were resolved or downloaded'
def repo = new File(localRepositoryPath, 'org/tensorflow/tensorflow-core-native/1.1.0')
assert !new File(repo, 'tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar').exists() : 'GPU natives in the local repository'
assert !new File(basedir, 'reports').exists() : 'a run directory was created for a run that cannot start'
return true
