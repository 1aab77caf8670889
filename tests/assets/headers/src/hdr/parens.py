import hdr.base
