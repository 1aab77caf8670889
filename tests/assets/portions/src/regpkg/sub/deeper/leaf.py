from regpkg.sub.mod import NAME

LEAF = NAME
