x = '''never closed
