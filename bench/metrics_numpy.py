"""The engine's metrics of one model in numpy/scipy, for a speed comparison on the same machine:
the paper's colour histograms (EMD, JS), the sliced Wasserstein distance as the Progressive GAN's
metrics/sliced_wasserstein.py, MS-SSIM as its ms_ssim.py (over 1000 pairs of generated and of real
images) and memorization (nearest training image, leave-one-out for the real ones), on COUNT
generated against COUNT real images of SIDE px. Prints one JSON line, like docs/tools/MetricsTime.java.

    python3 bench/metrics_numpy.py 64 2000
"""
import json
import sys
import time

import numpy as np
import scipy.ndimage
from scipy import signal


def images(n, side, seed):
    """Random blobs on a noisy ground, as MetricsTime.java draws them (the cost does not depend on it)."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, side, side, 3), np.uint8)
    yy, xx = np.mgrid[0:side, 0:side]
    for i in range(n):
        cx, cy = rng.integers(side), rng.integers(side)
        r = side // 8 + rng.integers(side // 4)
        inside = (xx - cx) ** 2 + (yy - cy) ** 2 < r * r
        for c in range(3):
            out[i, :, :, c] = np.where(inside, 60 + 30 * c, 200 - 20 * c) + rng.integers(24, size=(side, side))
    return out


def histograms(real, fake):
    emd = js = 0.0
    for c in range(3):
        p = np.bincount(real[..., c].ravel(), minlength=256) / real[..., c].size
        q = np.bincount(fake[..., c].ravel(), minlength=256) / fake[..., c].size
        emd += np.abs(np.cumsum(p) - np.cumsum(q))[:-1].sum() / 255
        m = (p + q) / 2
        js += 0.5 * (np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0])) + np.sum(q[q > 0] * np.log(q[q > 0] / m[q > 0])))
    return emd / 3, js / 3


# --- sliced Wasserstein distance: the Progressive GAN's code ---
gaussian_filter = np.float32([[1, 4, 6, 4, 1], [4, 16, 24, 16, 4], [6, 24, 36, 24, 6], [4, 16, 24, 16, 4],
                              [1, 4, 6, 4, 1]]) / 256.0


def pyr_down(minibatch):
    return scipy.ndimage.convolve(minibatch, gaussian_filter[np.newaxis, np.newaxis, :, :], mode='mirror')[:, :, ::2, ::2]


def pyr_up(minibatch):
    s = minibatch.shape
    res = np.zeros((s[0], s[1], s[2] * 2, s[3] * 2), minibatch.dtype)
    res[:, :, ::2, ::2] = minibatch
    return scipy.ndimage.convolve(res, gaussian_filter[np.newaxis, np.newaxis, :, :] * 4.0, mode='mirror')


def laplacian_pyramid(minibatch, num_levels):
    pyramid = [np.float32(minibatch)]
    for i in range(1, num_levels):
        pyramid.append(pyr_down(pyramid[-1]))
        pyramid[-2] -= pyr_up(pyramid[-1])
    return pyramid


def descriptors(minibatch, nhood_size, nhoods_per_image, rng):
    s = minibatch.shape
    n = nhoods_per_image * s[0]
    h = nhood_size // 2
    nhood, chan, x, y = np.ogrid[0:n, 0:3, -h:h + 1, -h:h + 1]
    img = nhood // nhoods_per_image
    x = x + rng.integers(h, s[3] - h, size=(n, 1, 1, 1))
    y = y + rng.integers(h, s[2] - h, size=(n, 1, 1, 1))
    idx = ((img * s[1] + chan) * s[2] + y) * s[3] + x
    return minibatch.flat[idx]


def finalize(desc):
    desc = np.concatenate(desc, axis=0) if isinstance(desc, list) else desc
    desc -= np.mean(desc, axis=(0, 2, 3), keepdims=True)
    desc /= np.std(desc, axis=(0, 2, 3), keepdims=True)
    return desc.reshape(desc.shape[0], -1)


def sliced_wasserstein(a, b, dir_repeats, dirs_per_repeat, rng):
    results = []
    for _ in range(dir_repeats):
        dirs = rng.standard_normal((a.shape[1], dirs_per_repeat))
        dirs /= np.sqrt(np.sum(np.square(dirs), axis=0, keepdims=True))
        dirs = dirs.astype(np.float32)
        proj_a = np.sort(np.matmul(a, dirs), axis=0)
        proj_b = np.sort(np.matmul(b, dirs), axis=0)
        results.append(np.mean(np.abs(proj_a - proj_b)))
    return np.mean(results)


def swd(real, fake, batch=256):
    levels = []
    res = real.shape[1]
    while res >= 16:
        levels.append(res)
        res //= 2
    per_set = []
    for images_ in (real, fake):
        rng = np.random.default_rng(42)
        desc = [[] for _ in levels]
        for start in range(0, len(images_), batch):
            minibatch = np.transpose(images_[start:start + batch], (0, 3, 1, 2))
            for lod, level in enumerate(laplacian_pyramid(minibatch, len(levels))):
                desc[lod].append(descriptors(level, 7, 128, rng))
        per_set.append([finalize(d) for d in desc])
    rng = np.random.default_rng(42)
    dist = [sliced_wasserstein(a, b, 4, 128, rng) * 1e3 for a, b in zip(*per_set)]
    return float(np.mean(dist))


# --- MS-SSIM: the Progressive GAN's ms_ssim.py ---
def _gauss(size, sigma):
    radius = size // 2
    offset = 0.0
    start, stop = -radius, radius + 1
    if size % 2 == 0:
        offset = 0.5
        stop -= 1
    x, y = np.mgrid[offset + start:stop, offset + start:stop]
    g = np.exp(-((x ** 2 + y ** 2) / (2.0 * 1.0 * sigma ** 2)))
    return g / g.sum()


def _ssim(img1, img2, max_val=255, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03):
    _, height, width, _ = img1.shape
    size = min(filter_size, height, width)
    sigma = size * filter_sigma / filter_size
    window = np.reshape(_gauss(size, sigma), (1, size, size, 1))
    mu1 = signal.fftconvolve(img1, window, mode='valid')
    mu2 = signal.fftconvolve(img2, window, mode='valid')
    sigma11 = signal.fftconvolve(img1 * img1, window, mode='valid') - mu1 * mu1
    sigma22 = signal.fftconvolve(img2 * img2, window, mode='valid') - mu2 * mu2
    sigma12 = signal.fftconvolve(img1 * img2, window, mode='valid') - mu1 * mu2
    c1 = (k1 * max_val) ** 2
    c2 = (k2 * max_val) ** 2
    v1 = 2.0 * sigma12 + c2
    v2 = sigma11 + sigma22 + c2
    ssim = np.mean((((2.0 * mu1 * mu2 + c1) * v1) / ((mu1 * mu1 + mu2 * mu2 + c1) * v2)), axis=(1, 2, 3))
    cs = np.mean(v1 / v2, axis=(1, 2, 3))
    return ssim, cs


def _down(img):
    return (img[:, 0::2, 0::2, :] + img[:, 1::2, 0::2, :] + img[:, 0::2, 1::2, :] + img[:, 1::2, 1::2, :]) * 0.25


def msssim(img1, img2):
    weights = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])
    im1, im2 = img1.astype(np.float64), img2.astype(np.float64)
    mssim, mcs = [], []
    for _ in range(weights.size):
        ssim, cs = _ssim(im1, im2)
        mssim.append(ssim)
        mcs.append(cs)
        im1, im2 = _down(im1), _down(im2)
    mssim = np.clip(np.asarray(mssim), 0.0, np.inf)
    mcs = np.clip(np.asarray(mcs), 0.0, np.inf)
    return np.mean(np.prod(mcs[:-1, :] ** weights[:-1, np.newaxis], axis=0) * (mssim[-1, :] ** weights[-1]))


def ms_ssim_pairs(images_, pairs, seed):
    rng = np.random.default_rng(seed)
    chosen = set()
    while len(chosen) < pairs:
        i, j = rng.integers(len(images_), size=2)
        if i != j:
            chosen.add((min(i, j), max(i, j)))
    a = np.stack([images_[i] for i, _ in chosen])
    b = np.stack([images_[j] for _, j in chosen])
    return msssim(a, b)


def memorization(real, fake):
    r = real.reshape(len(real), -1).astype(np.float32) / 255
    f = fake.reshape(len(fake), -1).astype(np.float32) / 255
    rn = np.sum(r * r, axis=1)

    def nearest(q, leave_one_out):
        d = np.sum(q * q, axis=1)[:, None] + rn[None, :] - 2 * q @ r.T
        if leave_one_out:
            np.fill_diagonal(d, np.inf)
        return np.sqrt(np.maximum(d.min(axis=1), 0) / r.shape[1])

    real_d = nearest(r, True)
    fake_d = nearest(f, False)
    return np.median(fake_d), np.median(real_d), np.mean(fake_d < np.percentile(real_d, 1))


def main():
    side, count = int(sys.argv[1]), int(sys.argv[2])
    real, fake = images(count, side, 1), images(count, side, 2)
    t0 = time.perf_counter()
    histograms(real, fake)
    t1 = time.perf_counter()
    swd(real, fake)
    t2 = time.perf_counter()
    ms_ssim_pairs(fake, 1000, 42)
    ms_ssim_pairs(real, 1000, 42)
    t3 = time.perf_counter()
    memorization(real, fake)
    t4 = time.perf_counter()
    print(json.dumps({"implementation": "numpy " + np.__version__, "side": side, "images": count,
                      "histograms_s": round(t1 - t0, 3), "swd_s": round(t2 - t1, 3), "ms_ssim_s": round(t3 - t2, 3),
                      "memorization_s": round(t4 - t3, 3), "total_s": round(t4 - t0, 3)}))


if __name__ == "__main__":
    main()
