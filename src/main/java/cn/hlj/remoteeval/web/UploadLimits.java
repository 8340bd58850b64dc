package cn.hlj.remoteeval.web;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The explicit limits of every upload (src/docs/operations/upload-limits.md): the multipart sizes of
 * {@code spring.servlet.multipart}, enforced by the servlet container before a controller runs, and
 * POI's zip-bomb guards for every {@code .xlsx} this process opens, which are JVM-wide and therefore set
 * once here: a workbook entry that inflates more than {@code 1 / min-inflate-ratio} times its packed
 * size, or beyond {@code max-entry-size}, is refused before it is read into memory.
 */
@Component
class UploadLimits {

    private static final Logger log = LoggerFactory.getLogger(UploadLimits.class);

    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    UploadLimits(MultipartProperties multipart,
            @Value("${remote-eval.uploads.xlsx.min-inflate-ratio:0.01}") double minInflateRatio,
            @Value("${remote-eval.uploads.xlsx.max-entry-size:256MB}") DataSize maxEntrySize) {
        this.maxFileSize = multipart.getMaxFileSize();
        this.maxRequestSize = multipart.getMaxRequestSize();
        if (!(minInflateRatio > 0 && minInflateRatio < 1) || maxEntrySize.toBytes() <= 0) {
            throw new IllegalStateException("remote-eval.uploads.xlsx: min-inflate-ratio must lie between 0 and 1 "
                    + "and max-entry-size must be positive");
        }
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxEntrySize.toBytes());
        log.info("Upload limits: file {}, request {}, xlsx entries at most {} and inflating at most {}x",
                words(maxFileSize), words(maxRequestSize), words(maxEntrySize), Math.round(1 / minInflateRatio));
    }

    /** The limit in words for the person whose file was too large. */
    String describeRequestLimit() {
        return "单个文件不超过 " + words(maxFileSize) + "，一次上传不超过 " + words(maxRequestSize);
    }

    static String words(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " 字节";
    }
}
