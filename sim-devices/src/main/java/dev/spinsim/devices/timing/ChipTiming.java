package dev.spinsim.devices.timing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every phase time of a preset's chip, derived from its circuit parameters when the chip is built
 * (or pinned by the preset), before any rounding to clock edges.
 *
 * @param dacDrive a row driver settling its word line, per bit cycle
 * @param arrayRead the bit lines settling to ½ LSB of the ADC, per bit cycle
 * @param sampleHold the S+H acquisition (it tracks during the read: only what exceeds the read
 *     adds)
 * @param conversion one ADC conversion
 * @param shiftAdd one shift-and-add
 * @param inputBufferAccess one access of the input buffer's port
 * @param outputBufferAccess one access of the output buffer's port
 */
public record ChipTiming(
    PhaseTime dacDrive,
    PhaseTime arrayRead,
    PhaseTime sampleHold,
    PhaseTime conversion,
    PhaseTime shiftAdd,
    PhaseTime inputBufferAccess,
    PhaseTime outputBufferAccess) {

  /** Phase name → time and source, in a fixed order, as {@code run.yaml} records it. */
  public Map<String, Map<String, Object>> describe() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    put(m, "dacDrive", dacDrive);
    put(m, "arrayRead", arrayRead);
    put(m, "sampleHold", sampleHold);
    put(m, "conversion", conversion);
    put(m, "shiftAdd", shiftAdd);
    put(m, "inputBufferAccess", inputBufferAccess);
    put(m, "outputBufferAccess", outputBufferAccess);
    return m;
  }

  private static void put(Map<String, Map<String, Object>> m, String phase, PhaseTime t) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("ns", t.ns());
    e.put("source", t.source());
    m.put(phase, e);
  }
}
