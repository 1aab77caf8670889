from regpkg.sub.deeper import leaf

NAME = "mod"
