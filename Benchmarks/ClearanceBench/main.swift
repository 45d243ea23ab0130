print("clearance-bench: not written yet")
