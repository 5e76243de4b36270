package io.gwctl.proxy.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XxHash64Test {

    @Test
    void matchesTheReferenceVectors() {
        assertThat(XxHash64.hash("")).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(XxHash64.hash("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(XxHash64.hash("abc")).isEqualTo(0x44BC2CF5AD770999L);
    }

    @Test
    void longInputsUseTheFourLanes() {
        byte[] in = "The quick brown fox jumps over the lazy dog, twice over.".getBytes(StandardCharsets.UTF_8);
        assertThat(XxHash64.hash(in, 0)).as("stable").isEqualTo(XxHash64.hash(in.clone(), 0))
                .isNotEqualTo(XxHash64.hash(in, 1));
    }
}
