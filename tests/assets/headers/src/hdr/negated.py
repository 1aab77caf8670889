import hdr.runtime
