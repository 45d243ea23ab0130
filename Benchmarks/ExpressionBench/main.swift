print("expression benchmark: not written yet")
