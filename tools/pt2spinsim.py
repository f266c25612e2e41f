#!/usr/bin/env python3
"""Convert a PyTorch GAN (state_dict .pt files) into a spinsim model YAML plus safetensors weights.

usage:
  /usr/bin/python3 tools/pt2spinsim.py --generator netG.pt [--discriminator netD.pt] --out DIR
      [--generator-class FILE.py:EXPR] [--discriminator-class FILE.py:EXPR] [--name NAME]

Writes DIR/model.yaml, DIR/generator.safetensors and (with --discriminator) DIR/discriminator.safetensors,
then run:  ./spinsim generate --model DIR/model.yaml --weights DIR/generator.safetensors

A .pt file may hold a whole module (torch.save(netG)), a state_dict (torch.save(netG.state_dict())), or a
checkpoint dict holding one under 'state_dict', 'netG'/'netD', 'generator'/'discriminator' or 'G'/'D'.
The layer list is read from the modules when there are modules: a whole module, or a state_dict with
--generator-class 'dcgan.py:Generator(1)' (FILE.py is imported, EXPR is evaluated in it and must build the
nn.Module; its state_dict is then loaded). Supported modules, in one nn.Sequential (named 'main', or the model
itself): Conv2d, ConvTranspose2d (square kernels, no groups or dilation), BatchNorm2d, Linear, ReLU,
LeakyReLU, Tanh, Sigmoid.

A bare state_dict without a class is read with the DCGAN conventions (Radford et al.; the PyTorch DCGAN
tutorial): in the generator every 4-D weight is a ConvTranspose2d, the first with stride 1 and padding 0, the
others with stride 2 and padding (k-1)//2 (k = 4 doubles the size, k = 3 turns 4x4 into 7x7); in the
discriminator every 4-D weight is a Conv2d with stride 2 and padding (k-1)//2, the last with stride 1 and
padding 0; an index without tensors is ReLU (G) or LeakyReLU 0.2 (D), and the network ends in Tanh (G) or
Sigmoid (D) (spinsim generate --weights alone reads a generator the same way: DcganLayout). Shapes are chained on load by spinsim, so a guess that
does not fit is refused there; edit model.yaml when your network differs.

Needs PyTorch (Debian: apt-get install python3-torch) and numpy. Tensor data is written as little-endian F32
in the safetensors format (https://github.com/huggingface/safetensors, format section): an 8-byte header
length, a JSON header (dtype, shape, data_offsets per tensor), the raw data.
"""
import argparse
import importlib.util
import json
import os
import re
import struct
import sys
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn

KEYS = {'generator': ('netG', 'generator', 'G', 'gen'), 'discriminator': ('netD', 'discriminator', 'D', 'disc')}


def fail(msg):
    sys.exit('pt2spinsim: error: ' + msg)


def load_pt(path, role):
    try:
        obj = torch.load(path, map_location='cpu')
    except Exception as e:  # noqa: BLE001 (any unreadable file is one line)
        fail(f'{path}: cannot read as a PyTorch file: {e}'.splitlines()[0])
    if isinstance(obj, nn.Module):
        return obj, None
    if isinstance(obj, dict):
        for k in ('state_dict', 'model') + KEYS[role]:
            if k in obj and isinstance(obj[k], (dict, nn.Module)):
                inner = obj[k]
                return (inner, None) if isinstance(inner, nn.Module) else (None, inner)
        if all(torch.is_tensor(v) for v in obj.values()):
            return None, obj
    fail(f'{path}: expected an nn.Module, a state_dict or a checkpoint dict holding one, got {type(obj).__name__}')


def instantiate(spec):
    if ':' not in spec:
        fail(f'--{{generator,discriminator}}-class {spec!r}: expected FILE.py:EXPR, e.g. dcgan.py:Generator(1)')
    file, expr = spec.split(':', 1)
    s = importlib.util.spec_from_file_location(os.path.splitext(os.path.basename(file))[0], file)
    mod = importlib.util.module_from_spec(s)
    s.loader.exec_module(mod)
    return eval(expr, vars(mod))  # noqa: S307 (the user's own class expression)


def strip(sd):
    sd = OrderedDict((k, v) for k, v in sd.items() if not k.endswith('num_batches_tracked'))
    if sd and all(k.startswith('module.') for k in sd):
        sd = OrderedDict((k[len('module.'):], v) for k, v in sd.items())
    return sd


def sequential(module, path):
    seq = module.main if isinstance(getattr(module, 'main', None), nn.Sequential) else module
    if not isinstance(seq, nn.Sequential):
        fail(f'{path}: the model is neither an nn.Sequential nor has one named main; spinsim models are one Sequential')
    return seq


def square(v, what, i):
    v = v if isinstance(v, (tuple, list)) else (v, v)
    if v[0] != v[1]:
        fail(f'layer main.{i}: non-square {what} {tuple(v)} is not supported')
    return int(v[0])


def from_modules(seq, path):
    layers = []
    for i, m in enumerate(seq):
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            if m.groups != 1 or square(m.dilation, 'dilation', i) != 1:
                fail(f'{path}: layer main.{i}: groups and dilation must be 1')
            L = {'type': type(m).__name__, 'in': m.in_channels, 'out': m.out_channels,
                 'kernel': square(m.kernel_size, 'kernel', i), 'stride': square(m.stride, 'stride', i),
                 'padding': square(m.padding, 'padding', i)}
            if isinstance(m, nn.ConvTranspose2d) and square(m.output_padding, 'output_padding', i):
                L['output_padding'] = square(m.output_padding, 'output_padding', i)
            L['bias'] = m.bias is not None
        elif isinstance(m, nn.BatchNorm2d):
            if not (m.affine and m.track_running_stats):
                fail(f'{path}: layer main.{i}: BatchNorm2d must be affine with running statistics')
            L = {'type': 'BatchNorm2d', 'features': m.num_features, 'eps': float(m.eps),
                 'momentum': float(m.momentum if m.momentum is not None else 0.1)}
        elif isinstance(m, nn.Linear):
            L = {'type': 'Linear', 'in': m.in_features, 'out': m.out_features, 'bias': m.bias is not None}
        elif isinstance(m, nn.LeakyReLU):
            L = {'type': 'LeakyReLU', 'alpha': float(m.negative_slope)}
        elif isinstance(m, (nn.ReLU, nn.Tanh, nn.Sigmoid)):
            L = {'type': type(m).__name__}
        else:
            fail(f'{path}: layer main.{i} is a {type(m).__name__}, which spinsim does not model')
        layers.append(L)
    return layers


def from_conventions(sd, role, path):
    if not sd or any(not re.match(r'main\.\d+\.', k) for k in sd):
        fail(f'{path}: tensor names are not main.<i>.<param> (e.g. {next(iter(sd), "none")}); pass --{role}-class')
    idx = sorted({int(k.split('.')[1]) for k in sd})
    convs = [i for i in idx if sd.get(f'main.{i}.weight') is not None and sd[f'main.{i}.weight'].dim() == 4]
    layers = []
    for i in range(idx[-1] + 1):
        w = sd.get(f'main.{i}.weight')
        if w is not None and w.dim() == 4:
            k = int(w.shape[2])
            first, last = i == convs[0], i == convs[-1]
            if role == 'generator':
                L = {'type': 'ConvTranspose2d', 'in': int(w.shape[0]), 'out': int(w.shape[1]), 'kernel': k,
                     'stride': 1 if first else 2, 'padding': 0 if first else (k - 1) // 2}
            else:
                L = {'type': 'Conv2d', 'in': int(w.shape[1]), 'out': int(w.shape[0]), 'kernel': k,
                     'stride': 1 if last else 2, 'padding': 0 if last else (k - 1) // 2}
            L['bias'] = f'main.{i}.bias' in sd
        elif w is not None and w.dim() == 2:
            L = {'type': 'Linear', 'in': int(w.shape[1]), 'out': int(w.shape[0]), 'bias': f'main.{i}.bias' in sd}
        elif f'main.{i}.running_mean' in sd:
            L = {'type': 'BatchNorm2d', 'features': int(sd[f'main.{i}.running_mean'].shape[0])}
        else:
            L = {'type': 'ReLU'} if role == 'generator' else {'type': 'LeakyReLU', 'alpha': 0.2}
        layers.append(L)
    layers.append({'type': 'Tanh'} if role == 'generator' else {'type': 'Sigmoid'})
    return layers


def network(path, role, cls):
    module, sd = load_pt(path, role)
    if module is None and cls:
        module = instantiate(cls)
        missing, unexpected = module.load_state_dict(strip(sd), strict=False)
        missing = [k for k in missing if not k.endswith('num_batches_tracked')]
        if missing or unexpected:
            fail(f'{path}: does not fit {cls}: missing {missing[:4]}, unexpected {unexpected[:4]}')
    if module is not None:
        seq = sequential(module, path)
        layers = from_modules(seq, path)
        sd = OrderedDict((f'main.{k}', v) for k, v in strip(seq.state_dict()).items())
        return layers, sd, 'modules'
    sd = strip(sd)
    if sd and all(re.match(r'\d+\.', k) for k in sd):  # a bare nn.Sequential's state_dict
        sd = OrderedDict(('main.' + k, v) for k, v in sd.items())
    return from_conventions(sd, role, path), sd, 'DCGAN conventions'


def write_safetensors(sd, path):
    header, blobs, off = OrderedDict(), [], 0
    for k, v in sd.items():
        a = v.detach().cpu().to(torch.float32).numpy().astype('<f4')
        raw = a.tobytes()
        header[k] = {'dtype': 'F32', 'shape': list(a.shape), 'data_offsets': [off, off + len(raw)]}
        blobs.append(raw)
        off += len(raw)
    header['__metadata__'] = {'converted_by': 'tools/pt2spinsim.py'}
    h = json.dumps(header).encode()
    h += b' ' * (-len(h) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)))
        f.write(h)
        for r in blobs:
            f.write(r)


def flow(L):
    def val(v):
        if isinstance(v, bool):
            return str(v).lower()
        if isinstance(v, float):
            r = repr(v)
            return r if '.' in r or 'e' not in r else r.replace('e', '.0e', 1)
        return str(v)
    return '{' + ', '.join(f'{k}: {val(v)}' for k, v in L.items()) + '}'


def shapes(layers, c, h, w):
    for L in layers:
        t = L['type']
        if t == 'ConvTranspose2d':
            h = (h - 1) * L['stride'] - 2 * L['padding'] + L['kernel'] + L.get('output_padding', 0)
            w = (w - 1) * L['stride'] - 2 * L['padding'] + L['kernel'] + L.get('output_padding', 0)
            c = L['out']
        elif t == 'Conv2d':
            h = (h + 2 * L['padding'] - L['kernel']) // L['stride'] + 1
            w = (w + 2 * L['padding'] - L['kernel']) // L['stride'] + 1
            c = L['out']
        elif t == 'Linear':
            c, h, w = L['out'], 1, 1
    return c, h, w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--generator', required=True, help='the generator .pt')
    ap.add_argument('--discriminator', help='the discriminator .pt (optional)')
    ap.add_argument('--generator-class', help='FILE.py:EXPR building the generator module for a state_dict')
    ap.add_argument('--discriminator-class', help='FILE.py:EXPR building the discriminator module')
    ap.add_argument('--name', help='model name (default: the output folder name)')
    ap.add_argument('--out', required=True, help='output folder (created)')
    a = ap.parse_args()
    g_layers, g_sd, g_how = network(a.generator, 'generator', a.generator_class)
    first = g_layers[0]
    latent = first['in']
    c, h, w = shapes(g_layers, latent, 1, 1)
    if a.discriminator:
        d_layers, d_sd, d_how = network(a.discriminator, 'discriminator', a.discriminator_class)
    else:
        # spinsim's models carry both networks; without a file, a DCGAN discriminator for the image,
        # which generate runs only with --discriminator (on seeded random weights)
        d_layers, d_sd, d_how = [
            {'type': 'Conv2d', 'in': c, 'out': 1, 'kernel': h, 'stride': 1, 'padding': 0, 'bias': True},
            {'type': 'Sigmoid'}], None, 'a placeholder (no --discriminator)'
    os.makedirs(a.out, exist_ok=True)
    name = a.name or os.path.basename(os.path.normpath(a.out))
    lines = [f'# converted by tools/pt2spinsim.py from {os.path.basename(a.generator)} ({g_how})'
             + (f' and {os.path.basename(a.discriminator)} ({d_how})' if a.discriminator else ''),
             f'name: {name}', f'latent: {latent}', f'image: {{channels: {c}, height: {h}, width: {w}}}', 'generator:']
    lines += [f'  - {flow(L)}' for L in g_layers]
    lines += ['discriminator:'] + [f'  - {flow(L)}' for L in d_layers]
    with open(os.path.join(a.out, 'model.yaml'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    write_safetensors(g_sd, os.path.join(a.out, 'generator.safetensors'))
    if d_sd is not None:
        write_safetensors(d_sd, os.path.join(a.out, 'discriminator.safetensors'))
    print(f'wrote {a.out}/model.yaml ({len(g_layers)} generator layers from {g_how}; image {c}x{h}x{w}), '
          f'{a.out}/generator.safetensors' + (f', {a.out}/discriminator.safetensors' if d_sd is not None else ''))
    print(f'run: ./spinsim generate --model {a.out}/model.yaml --weights {a.out}/generator.safetensors'
          + (f' --discriminator-weights {a.out}/discriminator.safetensors' if d_sd is not None else ''))


if __name__ == '__main__':
    main()
