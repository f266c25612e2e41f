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
    b.release(5, 7);
    assertFalse(b.canAdmit()); // 55 + 50 > 100
    b.release(15, 8);
    assertTrue(b.canAdmit()); // 40 + 50 <= 100
  }

  @Test
  void releaseAdmitsTheOldestWaitingRequestsThatFit() {
    BoundedBuffer b = new BoundedBuffer("in", 100);
    assertTrue(b.request(60, 1, 0));
    assertFalse(b.request(50, 2, 5));
    assertFalse(b.request(10, 3, 6));
    b.release(60, 20);
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
  void occupancyIsIntegratedOverTime() {
    BoundedBuffer b = new BoundedBuffer("in", 100);
    assertTrue(b.request(40, 1, 10)); // 0 held over [0, 10)
    assertTrue(b.request(20, 2, 30)); // 40 held over [10, 30)
    b.release(60, 50); // 60 held over [30, 50)
    assertTrue(b.request(100, 3, 90)); // 0 held over [50, 90)
    // and 100 held from 90 until asked (100): 40*20 + 60*20 + 100*10
    assertEquals(800 + 1200 + 1000, b.occupancyBitPs(100), 1e-9);
    assertEquals(800 + 1200, b.occupancyBitPs(90), 1e-9);
    // the time average over [0, 100) is 30 bits of the 100: 30 % utilisation of the space
    assertEquals(0.30, b.occupancyBitPs(100) / 100 / b.capacityBits(), 1e-12);
  }

  @Test
  void aRequestLargerThanTheBufferIsRefused() {
    BoundedBuffer b = new BoundedBuffer("out", 8);
    assertThrows(IllegalArgumentException.class, () -> b.request(9, 0, 0));
    assertThrows(IllegalStateException.class, () -> b.release(1, 0));
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
      b.release(1, 1000);
      assertEquals(i, b.admitNext(1000));
    }
    assertEquals(1, b.peakBits());
  }
}
