package dev.spinsim.devices.crossbar;

/**
 * What programming a weight matrix cost: cells written, total level steps, energy (pJ) and time
 * (ps, rows written one after another, cells of a row in parallel).
 */
public record ProgramResult(long cellsWritten, long levelSteps, double energyPj, long timePs) {}
