"""The typing-import codemod: a module's imports of another module moved under TYPE_CHECKING."""
