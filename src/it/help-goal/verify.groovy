def log = new File(basedir, 'build.log').text
assert log.contains('cloudfront:invalidate')
assert log.contains('cloudfront:get-invalidation')
assert log.contains('cloudfront:sync')
assert log.contains('User property: cloudfront.maxDeletes')
assert log.contains('User property: cloudfront.distributionId')
assert log.contains('User property: cloudfront.waitTimeout')
