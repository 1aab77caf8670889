def tag(name: str) -> str:
    return f"#{name}"
