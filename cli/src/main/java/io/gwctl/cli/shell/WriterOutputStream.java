package io.gwctl.cli.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * UTF-8 bytes written to a {@link Writer}: a terminal over piped streams writes bytes, while a command's output
 * is the picocli writer. A character split across two writes is decoded once both halves are in.
 */
final class WriterOutputStream extends OutputStream {

    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(1024);
    private final CharBuffer chars = CharBuffer.allocate(1024);

    WriterOutputStream(Writer writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode();
        }
    }

    private void decode() throws IOException {
        bytes.flip();
        CoderResult result;
        do {
            result = decoder.decode(bytes, chars, false);
            chars.flip();
            writer.write(chars.array(), chars.position(), chars.remaining());
            chars.clear();
        } while (result.isOverflow());
        bytes.compact();
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }
}
