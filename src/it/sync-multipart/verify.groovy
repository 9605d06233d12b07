import io.github.cloudfrontmavenplugin.emulator.ItEmulator

def emulator = ItEmulator.get(context)
def s3 = ItEmulator.s3(context)
try {
    def log = ItEmulator.buildLog(basedir)
    // 17 MiB in three parts of 8 MiB (the last smaller), completed once; the second build sends nothing.
    assert s3.count('CreateMultipartUpload', 200) == 1
    assert s3.count('UploadPart', 200) == 3
    assert s3.count('CompleteMultipartUpload', 200) == 1
    assert s3.openMultipartUploads() == 0
    def video = s3.stored('www', 'media/video.mp4').get()
    assert video.etag().endsWith('-3"')
    assert video.content() == new File(basedir, 'v1/media/video.mp4').bytes
    assert video.header('content-type') == 'video/mp4'
    assert video.header('x-amz-meta-sha256') ==~ /[0-9a-f]{64}/
    assert log.contains('Uploaded 0 files (0 B), deleted 0, 6 unchanged; invalidated 0 paths')
} finally {
    ItEmulator.stop(context)
}
