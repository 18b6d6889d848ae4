#!/usr/bin/env python3
"""Reference spectrograms for org.genrelens.features, computed with numpy only.

This is an independent implementation of the feature definitions in FeatureSpec's javadoc (centred STFT with a
periodic Hann window and zero padding, power |X|^2 * (2/sum(w))^2, Slaney mel filterbank as
librosa.filters.mel(htk=False, norm='slaney'), log-spaced bands averaged over each bin's width, dB with a 1e-10
floor, ABSOLUTE reference clipped at -topDb). It is written from those definitions, vectorised, and shares no
code with the Java side. ReferenceFeaturesTest compares the Java output with the fixture it writes.

The test signal is a fixed, deterministic 3 s mix at 16 kHz (tones, a chirp, seeded noise, a silent tail),
quantised to 16-bit so that every float32 sample is exactly pcm16 / 32768; the fixture stores those int16 values
(little-endian, base64) so Java and numpy read bit-identical input, and the expected dB values as little-endian
float32, base64, laid out [channels][height][frames].

Regenerate (numpy 2.x; CI never runs this, it only reads the committed JSON), from the project root:

    python3 src/test/python/reference_features.py \
        > src/test/resources/org/genrelens/features/reference-features.json
"""
import base64
import json
import sys

import numpy as np

SAMPLE_RATE = 16000
HOP = 256
SECONDS = 3.0
TOP_DB = 80.0
AUDIBLE_FLOOR_HZ = 20.0

CASES = [
    dict(name="mel", type="MEL", fftSizes=[1024], bands=32, fMin=0.0, fMax=8000.0, stftScale="LINEAR"),
    dict(name="multi-stft", type="MULTI_STFT", fftSizes=[256, 512, 1024], bands=32, fMin=30.0, fMax=7600.0,
         stftScale="LINEAR"),
    dict(name="stft-linear", type="STFT", fftSizes=[512], bands=32, fMin=100.0, fMax=4000.0, stftScale="LINEAR"),
    dict(name="stft-log", type="STFT", fftSizes=[1024], bands=32, fMin=0.0, fMax=8000.0, stftScale="LOG"),
]


def test_signal():
    t = np.arange(int(SECONDS * SAMPLE_RATE)) / SAMPLE_RATE
    x = 0.3 * np.sin(2 * np.pi * 220.0 * t)
    x += 0.2 * (0.6 + 0.4 * np.sin(2 * np.pi * 3.0 * t)) * np.sin(2 * np.pi * 1000.0 * t)
    # linear chirp 200 Hz -> 6000 Hz over the signal
    x += 0.1 * np.sin(2 * np.pi * (200.0 * t + (6000.0 - 200.0) / (2 * SECONDS) * t * t))
    x += 0.02 * np.random.default_rng(20240601).uniform(-1.0, 1.0, t.size)
    x *= np.minimum(1.0, t / 0.1)  # fade in
    x[t >= 2.7] = 0.0  # silent tail: exercises the floor
    pcm16 = np.round(np.clip(x, -1.0, 1.0) * 32767.0).astype("<i2")
    return pcm16, pcm16.astype(np.float64) / 32768.0


def power_frames(x, n_fft):
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    padded = np.concatenate([np.zeros(n_fft // 2), x, np.zeros(n_fft // 2)])
    frames = 1 + x.size // HOP
    index = np.arange(frames)[:, None] * HOP + np.arange(n_fft)[None, :]
    spectrum = np.fft.rfft(padded[index] * window, axis=1)
    return (np.abs(spectrum) ** 2) * (2.0 / window.sum()) ** 2  # [frames][bins]


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    return np.where(f < 1000.0, f * 3.0 / 200.0,
                    15.0 + np.log(np.maximum(f, 1e-300) / 1000.0) * 27.0 / np.log(6.4))


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    return np.where(m < 15.0, m * 200.0 / 3.0, 1000.0 * np.exp((m - 15.0) * np.log(6.4) / 27.0))


def mel_bank(n_fft, bands, f_min, f_max):
    edges = mel_to_hz(np.linspace(hz_to_mel(f_min), hz_to_mel(f_max), bands + 2))
    freqs = np.arange(n_fft // 2 + 1) * SAMPLE_RATE / n_fft
    lo, mid, hi = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    up = (freqs[None, :] - lo) / (mid - lo)
    down = (hi - freqs[None, :]) / (hi - mid)
    return np.clip(np.minimum(up, down), 0.0, None) * (2.0 / (hi - lo))


def triangle_cdf(x, lo, mid, hi):
    rising = (x - lo) ** 2 / ((hi - lo) * (mid - lo))
    falling = 1.0 - (hi - x) ** 2 / ((hi - lo) * (hi - mid))
    return np.where(x <= lo, 0.0, np.where(x >= hi, 1.0, np.where(x <= mid, rising, falling)))


def log_bank(n_fft, bands, f_min, f_max):
    bin_hz = SAMPLE_RATE / n_fft
    lowest = f_min if f_min > 0 else max(AUDIBLE_FLOOR_HZ, bin_hz)
    edges = np.geomspace(lowest, f_max, bands + 2)
    centres = np.arange(n_fft // 2 + 1) * bin_hz
    lo, mid, hi = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    above = triangle_cdf(centres[None, :] + bin_hz / 2, lo, mid, hi)
    below = triangle_cdf(centres[None, :] - bin_hz / 2, lo, mid, hi)
    return (above - below) / bin_hz


def linear_bank(n_fft, f_min, f_max):
    first = int(np.ceil(f_min * n_fft / SAMPLE_RATE))
    last = int(np.floor(f_max * n_fft / SAMPLE_RATE))
    return np.eye(n_fft // 2 + 1)[first:last + 1]


def absolute_db(power):
    return np.maximum(10.0 * np.log10(np.maximum(power, 1e-10)), -TOP_DB)


def case_db(x, case):
    channels = []
    for n_fft in case["fftSizes"]:
        if case["type"] in ("MEL", "MULTI_STFT"):
            bank = mel_bank(n_fft, case["bands"], case["fMin"], case["fMax"])
        elif case["stftScale"] == "LOG":
            bank = log_bank(n_fft, case["bands"], case["fMin"], case["fMax"])
        else:
            bank = linear_bank(n_fft, case["fMin"], case["fMax"])
        channels.append(absolute_db(bank @ power_frames(x, n_fft).T))  # [height][frames]
    return np.stack(channels)


def main():
    pcm16, x = test_signal()
    out = dict(
        description="numpy reference for org.genrelens.features; see src/test/python/reference_features.py",
        sampleRate=SAMPLE_RATE, hopLength=HOP, topDb=TOP_DB, sampleCount=int(pcm16.size),
        pcm16Base64=base64.b64encode(pcm16.tobytes()).decode("ascii"), cases=[])
    for case in CASES:
        db = case_db(x, case)
        entry = dict(case)
        entry.update(channels=db.shape[0], height=db.shape[1], frames=db.shape[2],
                     dbFloat32Base64=base64.b64encode(db.astype("<f4").tobytes()).decode("ascii"))
        out["cases"].append(entry)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
