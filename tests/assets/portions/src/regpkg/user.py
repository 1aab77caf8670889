import regpkg.sub.mod
