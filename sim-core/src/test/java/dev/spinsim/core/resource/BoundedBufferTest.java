package dev.spinsim.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedBufferTest {
  @Test
  void requestsThatFitAreTakenAtOnceAndOthersWaitInOrder() {
    BoundedBuffer b = new BoundedBuffer("in", 100);
    assertTrue(b.request(60, 1, 0));
    assertFalse(b.request(50, 2, 5)); // 110 > 100: waits
    assertFalse(b.request(10, 3, 6)); // would fit, but must not overtake request 2
    assertEquals(60, b.usedBits());
    b.release(5);
    assertFalse(b.canAdmit()); // 55 + 50 > 100
    b.release(15);
    assertTrue(b.canAdmit()); // 40 + 50 <= 100
  }

  @Test
  void releaseAdmitsTheOldestWaitingRequestsThatFit() {
    BoundedBuffer b = new BoundedBuffer("in", 100);
    assertTrue(b.request(60, 1, 0));
    assertFalse(b.request(50, 2, 5));
    assertFalse(b.request(10, 3, 6));
    b.release(60);
    assertTrue(b.canAdmit());
    assertEquals(2, b.admitNext(20));
    assertTrue(b.canAdmit());
    assertEquals(3, b.admitNext(20));
    assertFalse(b.canAdmit());
    assertEquals(60, b.usedBits());
    assertEquals(60, b.peakBits());
    assertEquals(15 + 14, b.waitPs());
    assertEquals(15, b.maxWaitPs());
    assertEquals(2, b.waitedRequests());
  }

  @Test
  void aRequestLargerThanTheBufferIsRefused() {
    BoundedBuffer b = new BoundedBuffer("out", 8);
    assertThrows(IllegalArgumentException.class, () -> b.request(9, 0, 0));
    assertThrows(IllegalStateException.class, () -> b.release(1));
  }

  @Test
  void theWaitingQueueGrowsWithoutLosingOrder() {
    BoundedBuffer b = new BoundedBuffer("in", 1);
    assertTrue(b.request(1, -1, 0));
    assertEquals(1, b.requests());
    for (int i = 0; i < 100; i++) {
      assertFalse(b.request(1, i, i));
    }
    for (int i = 0; i < 100; i++) {
      b.release(1);
      assertEquals(i, b.admitNext(1000));
    }
    assertEquals(1, b.peakBits());
  }
}
