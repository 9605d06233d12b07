// Each file of the site, and the path its URL is invalidated under: percent-encoded as a browser sends it, with ?
// (not a query string), * (not a wildcard) and % (not an escape) encoded too.
[
    'q?.html'                            : '/q%3F.html',
    'a#b.html'                           : '/a%23b.html',
    '100%.html'                          : '/100%25.html',
    'two words.html'                     : '/two%20words.html',
    'a+b.html'                           : '/a+b.html',
    '~tilde.html'                        : '/%7Etilde.html',
    'star*.html'                         : '/star%2A.html',
    '[brackets].html'                    : '/%5Bbrackets%5D.html',
    'it\'s "quoted".html'                : '/it\'s%20%22quoted%22.html',
    'back\\slash.html'                   : '/back%5Cslash.html',
    'line\u2028separator.html'           : '/line%E2%80%A8separator.html',
    'm\u00fcller-\u00e4\u00f6.html'      : '/m%C3%BCller-%C3%A4%C3%B6.html',
]
