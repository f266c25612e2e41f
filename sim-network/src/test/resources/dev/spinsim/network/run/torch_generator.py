"""PyTorch reference for spinsim's generators (run by SubPixelShippedModelsTest).

usage: torch_generator.py (MODEL.yaml GENERATOR.safetensors LATENTS.f32 IMAGES OUT.f32)...

Builds the generator of a spinsim model YAML as torch.nn modules named main.<i> (the layout the
shipped weights use), loads the safetensors file (parsed here: an 8-byte little-endian header
length, a JSON header, raw little-endian tensors), runs the latents (IMAGES x latent x 1 x 1,
float32 little-endian) in eval mode and writes the images as float32 little-endian.
"""
import json
import struct
import sys

import numpy as np
import torch
import yaml


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        assert meta["dtype"] == "F32", meta["dtype"]
        a, b = meta["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[a:b], dtype="<f4").copy()).reshape(meta["shape"])
    return out


def layer(spec):
    t = spec["type"]
    if t == "ConvTranspose2d":
        return torch.nn.ConvTranspose2d(spec["in"], spec["out"], spec["kernel"], spec.get("stride", 1),
                                        spec.get("padding", 0), spec.get("outputPadding", 0),
                                        bias=spec.get("bias", True))
    if t == "Conv2d":
        return torch.nn.Conv2d(spec["in"], spec["out"], spec["kernel"], spec.get("stride", 1),
                               spec.get("padding", 0), bias=spec.get("bias", True))
    if t == "BatchNorm2d":
        return torch.nn.BatchNorm2d(spec["features"], eps=spec.get("eps", 1e-5))
    if t == "ReLU":
        return torch.nn.ReLU()
    if t == "LeakyReLU":
        return torch.nn.LeakyReLU(spec["alpha"])
    if t == "Tanh":
        return torch.nn.Tanh()
    if t == "Sigmoid":
        return torch.nn.Sigmoid()
    raise ValueError("unsupported layer " + t)


def run(model_yaml, weights, latents, images, out):
    spec = yaml.safe_load(open(model_yaml))
    net = torch.nn.Module()
    net.main = torch.nn.Sequential(*[layer(s) for s in spec["generator"]])
    state = load_safetensors(weights)
    missing, unexpected = net.load_state_dict(state, strict=False)
    assert not unexpected, unexpected
    assert all(m.endswith("num_batches_tracked") for m in missing), missing
    net.eval()
    n = int(images)
    z = torch.from_numpy(np.fromfile(latents, dtype="<f4")).reshape(n, spec["latent"], 1, 1)
    with torch.no_grad():
        y = net.main(z)
    y.numpy().astype("<f4").tofile(out)


if __name__ == "__main__":
    args = sys.argv[1:]
    assert args and len(args) % 5 == 0, __doc__
    for i in range(0, len(args), 5):
        run(*args[i:i + 5])
