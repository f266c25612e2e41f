"""PyTorch side of the round trip test (PyTorchRoundTripTest): a small DCGAN as PyTorch's tutorial writes it.

usage:
  roundtrip_dcgan.py make DIR      writes DIR/netG.pt (a state_dict; the class is Generator() in this file),
                                   DIR/netD.pt (a bare state_dict: the converter's DCGAN conventions)
  roundtrip_dcgan.py tutorial DIR  writes DIR/netG.pt and DIR/netD.pt: the PyTorch DCGAN tutorial's 64x64
                                   networks exactly (nz 100, ngf = ndf = 64), randomised, as bare state_dicts
  roundtrip_dcgan.py forward DIR LATENTS.npy OUT.npy [tutorial]   eval-mode forward of DIR/netG.pt
"""
import sys

import numpy as np
import torch
import torch.nn as nn

NZ, NGF, NDF, NC = 16, 8, 8, 3


class Generator(nn.Module):
    """The tutorial's generator, narrower and for 16x16 images: no biases, BN, ReLU, Tanh."""

    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(NZ, NGF * 2, 4, 1, 0, bias=False), nn.BatchNorm2d(NGF * 2), nn.ReLU(True),
            nn.ConvTranspose2d(NGF * 2, NGF, 4, 2, 1, bias=False), nn.BatchNorm2d(NGF), nn.ReLU(True),
            nn.ConvTranspose2d(NGF, NC, 4, 2, 1, bias=False), nn.Tanh())

    def forward(self, x):
        return self.main(x)


def tutorial_generator():
    """https://pytorch.org/tutorials/beginner/dcgan_faces_tutorial.html, Generator (ngpu left out)."""
    nz, ngf, nc = 100, 64, 3
    g = nn.Module()
    g.main = nn.Sequential(
        nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
        nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
        nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())
    return g


def tutorial_discriminator():
    ndf, nc = 64, 3
    d = nn.Module()
    d.main = nn.Sequential(
        nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid())
    return d


def discriminator():
    return nn.Sequential(
        nn.Conv2d(NC, NDF, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(NDF, NDF * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(NDF * 2), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(NDF * 2, 1, 4, 1, 0, bias=False), nn.Sigmoid())


def randomise(m, seed, std=0.1):
    """Random weights (the tutorial's weights_init uses std 0.02) and random batchnorm statistics."""
    torch.manual_seed(seed)
    for mod in m.modules():
        if isinstance(mod, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(mod.weight, 0.0, std)
        elif isinstance(mod, nn.BatchNorm2d):
            nn.init.normal_(mod.weight, 1.0, std)
            nn.init.normal_(mod.bias, 0.0, std)
            mod.running_mean.normal_(0.0, 0.1)
            mod.running_var.uniform_(0.5, 2.0)
    return m


if __name__ == '__main__':
    if sys.argv[1] == 'tutorial':
        d = sys.argv[2]
        torch.save(randomise(tutorial_generator(), 3, 0.02).state_dict(), d + '/netG.pt')
        torch.save(randomise(tutorial_discriminator(), 4, 0.02).state_dict(), d + '/netD.pt')
    elif sys.argv[1] == 'make':
        d = sys.argv[2]
        torch.save(randomise(Generator(), 1).state_dict(), d + '/netG.pt')
        net_d = nn.Module()
        net_d.main = randomise(discriminator(), 2)
        torch.save(net_d.state_dict(), d + '/netD.pt')
    else:
        d, latents, out = sys.argv[2:5]
        g = tutorial_generator() if sys.argv[5:] == ['tutorial'] else Generator()
        g.load_state_dict(torch.load(d + '/netG.pt'))
        g.eval()
        z = torch.from_numpy(np.load(latents).astype(np.float32))
        if z.dim() == 2:
            z = z[:, :, None, None]
        with torch.no_grad():
            np.save(out, g.main(z).numpy())
