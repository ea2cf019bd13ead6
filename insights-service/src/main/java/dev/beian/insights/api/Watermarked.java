package dev.beian.insights.api;

/** An insights answer: it states the watermark it reflects, from which its ETag is derived. */
public interface Watermarked {
    WatermarkView watermark();
}
