#!/usr/bin/env python3
"""PyTorch float baseline for spinsim's speed goals (benchmarks/speed.sh).

Builds a model's generator in PyTorch from spinsim's model YAML (the same layer list, so layer i is
PyTorch's main.i), loads the shipped safetensors weights and either

  --throughput: times the float forward pass (eval mode, no grad) at --batch for --seconds after a
                warm-up and prints "images_per_s <value>", or
  --one FILE:   generates one image from a seeded latent and writes it as a PNG (the whole-process
                work a user's "one image" costs: start Python, import torch, load, forward, write).

Usage: torch_generate.py --model fmnist|dcgan64 [--threads 2] (--throughput | --one out.png)
Exit status 3 when torch is not importable (the caller prints a skip message).
"""
import argparse
import json
import os
import struct
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "sim-network", "src", "main", "resources", "dev", "spinsim", "network")


def load_safetensors(path):
    """Minimal safetensors reader (F32 only, which is what spinsim ships): name -> numpy array."""
    import numpy as np
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, v in header.items():
        if name == "__metadata__":
            continue
        if v["dtype"] != "F32":
            raise SystemExit(f"{path}: {name}: expected dtype F32, got {v['dtype']}")
        s, e = v["data_offsets"]
        out[name] = np.frombuffer(raw, dtype="<f4", count=(e - s) // 4, offset=8 + n + s).reshape(v["shape"])
    return out


def build_generator(model):
    import torch.nn as nn
    import yaml
    with open(os.path.join(RES, "models", model + ".yaml")) as f:
        spec = yaml.safe_load(f)
    layers = []
    for l in spec["generator"]:
        t = l["type"]
        if t == "ConvTranspose2d":
            layers.append(nn.ConvTranspose2d(l["in"], l["out"], l["kernel"], l["stride"], l["padding"],
                                             bias=l.get("bias", True)))
        elif t == "Conv2d":
            layers.append(nn.Conv2d(l["in"], l["out"], l["kernel"], l["stride"], l["padding"],
                                    bias=l.get("bias", True)))
        elif t == "Linear":
            layers.append(nn.Linear(l["in"], l["out"], bias=l.get("bias", True)))
        elif t == "BatchNorm2d":
            layers.append(nn.BatchNorm2d(l["features"], eps=l.get("eps", 1e-5)))
        elif t == "BatchNorm1d":
            layers.append(nn.BatchNorm1d(l["features"], eps=l.get("eps", 1e-5)))
        elif t == "ReLU":
            layers.append(nn.ReLU())
        elif t == "LeakyReLU":
            layers.append(nn.LeakyReLU(l.get("alpha", 0.2)))
        elif t == "Tanh":
            layers.append(nn.Tanh())
        elif t == "Sigmoid":
            layers.append(nn.Sigmoid())
        else:
            raise SystemExit(f"{model}.yaml: generator layer type {t} is not known to this script")
    return spec, nn.Sequential(*layers)


def load_generator(model):
    import torch
    import torch.nn as nn
    spec, seq = build_generator(model)

    class Generator(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = seq

        def forward(self, z):
            return self.main(z)

    g = Generator()
    weights = load_safetensors(os.path.join(RES, "weights", model, "generator.safetensors"))
    state = {k: torch.from_numpy(v.copy()) for k, v in weights.items()}
    missing, unexpected = g.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise SystemExit(f"{model} generator: missing {missing}, unexpected {unexpected}")
    g.eval()
    return spec, g


def write_png(path, image):
    """image: C x H x W floats in [-1, 1] -> 8-bit PNG (grey or RGB)."""
    import numpy as np
    from PIL import Image
    a = ((np.clip(image, -1, 1) + 1) * 127.5 + 0.5).astype("uint8")
    if a.shape[0] == 1:
        Image.fromarray(a[0], "L").save(path)
    else:
        Image.fromarray(a.transpose(1, 2, 0), "RGB").save(path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="fmnist")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--throughput", action="store_true")
    p.add_argument("--one")
    a = p.parse_args()
    try:
        import torch
    except ImportError:
        print("torch not importable", file=sys.stderr)
        sys.exit(3)
    torch.set_num_threads(a.threads)
    spec, g = load_generator(a.model)
    nz = spec["latent"]
    with torch.no_grad():
        if a.one:
            torch.manual_seed(1)
            img = g(torch.randn(1, nz, 1, 1))[0].numpy()
            write_png(a.one, img)
            return
        z = torch.randn(a.batch, nz, 1, 1)
        for _ in range(3):
            g(z)
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < a.seconds:
            g(z)
            n += a.batch
        dt = time.perf_counter() - t0
        print(f"images_per_s {n / dt:.3f}")


if __name__ == "__main__":
    main()
