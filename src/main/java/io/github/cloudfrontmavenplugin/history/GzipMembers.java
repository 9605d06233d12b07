package io.github.cloudfrontmavenplugin.history;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A gzip file as the members it is made of (RFC 1952: members one after another, which {@code gunzip} and {@link
 * java.util.zip.GZIPInputStream} read as one stream), each with its bytes as stored, so that a writer can copy a member
 * it does not change instead of compressing it again.
 */
final class GzipMembers {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;

    /** What is done with each member, in order. */
    interface Visitor {
        /**
         * @param stored the member as stored: header, compressed data and trailer
         * @param text what it holds, uncompressed
         */
        void member(byte[] stored, byte[] text) throws IOException;
    }

    private GzipMembers() {}

    /**
     * Reads {@code file} member by member, checking each one's CRC and length.
     *
     * @throws ZipException when the bytes are not gzip
     * @throws EOFException when they end in the middle of a member, or there is none
     */
    static void read(byte[] file, Visitor visitor) throws IOException {
        if (file.length == 0) {
            throw new EOFException("no gzip member");
        }
        int start = 0;
        byte[] buffer = new byte[64 * 1024];
        Inflater inflater = new Inflater(true);
        try {
            while (start < file.length) {
                int data = dataStart(file, start);
                inflater.reset();
                inflater.setInput(file, data, file.length - data);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                CRC32 crc = new CRC32();
                while (!inflater.finished()) {
                    int n;
                    try {
                        n = inflater.inflate(buffer);
                    } catch (DataFormatException e) {
                        throw new ZipException("invalid compressed data: " + e.getMessage());
                    }
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new EOFException("the compressed data ends in the middle");
                    }
                    crc.update(buffer, 0, n);
                    text.write(buffer, 0, n);
                }
                int trailer = file.length - inflater.getRemaining();
                if (trailer + 8 > file.length) {
                    throw new EOFException("the member's trailer is cut off");
                }
                if (littleEndian(file, trailer) != (int) crc.getValue()) {
                    throw new ZipException("corrupt member: its CRC does not match its content");
                }
                if (littleEndian(file, trailer + 4) != (int) inflater.getBytesWritten()) {
                    throw new ZipException("corrupt member: its length does not match its content");
                }
                int end = trailer + 8;
                visitor.member(Arrays.copyOfRange(file, start, end), text.toByteArray());
                start = end;
            }
        } finally {
            inflater.end();
        }
    }

    /** Where the compressed data of the member at {@code start} begins, after its header. */
    private static int dataStart(byte[] file, int start) throws IOException {
        if (start + 10 > file.length) {
            throw file.length - start >= 2 && isMagic(file, start)
                    ? new EOFException("a member's header is cut off")
                    : new ZipException("not in gzip format");
        }
        if (!isMagic(file, start) || file[start + 2] != 8) {
            throw new ZipException("not in gzip format");
        }
        int flags = file[start + 3] & 0xff;
        if ((flags & RESERVED) != 0) {
            throw new ZipException("unsupported gzip flags " + flags);
        }
        int at = start + 10;
        if ((flags & FEXTRA) != 0) {
            int extraLength = (file[require(file, at, 2) - 2] & 0xff) | (file[at + 1] & 0xff) << 8;
            at = require(file, at + 2, extraLength);
        }
        if ((flags & FNAME) != 0) {
            at = afterZero(file, at);
        }
        if ((flags & FCOMMENT) != 0) {
            at = afterZero(file, at);
        }
        if ((flags & FHCRC) != 0) {
            CRC32 header = new CRC32();
            header.update(file, start, require(file, at, 2) - 2 - start);
            if (((file[at] & 0xff) | (file[at + 1] & 0xff) << 8) != (int) (header.getValue() & 0xffff)) {
                throw new ZipException("corrupt gzip header");
            }
            at += 2;
        }
        return at;
    }

    private static boolean isMagic(byte[] file, int at) {
        return (file[at] & 0xff) == 0x1f && (file[at + 1] & 0xff) == 0x8b;
    }

    /** {@code at + length}, when the file has that many bytes from {@code at}. */
    private static int require(byte[] file, int at, int length) throws EOFException {
        if (at + length > file.length) {
            throw new EOFException("a member's header is cut off");
        }
        return at + length;
    }

    private static int afterZero(byte[] file, int at) throws EOFException {
        for (int i = at; i < file.length; i++) {
            if (file[i] == 0) {
                return i + 1;
            }
        }
        throw new EOFException("a member's header is cut off");
    }

    private static int littleEndian(byte[] file, int at) {
        return (file[at] & 0xff)
                | (file[at + 1] & 0xff) << 8
                | (file[at + 2] & 0xff) << 16
                | (file[at + 3] & 0xff) << 24;
    }

    /** Compresses {@code text} as one member at the end of {@code out}, which stays open. */
    static void write(OutputStream out, byte[] text) throws IOException {
        try (GZIPOutputStream member = new GZIPOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // The file goes on after this member.
            }
        })) {
            member.write(text);
        }
    }
}
