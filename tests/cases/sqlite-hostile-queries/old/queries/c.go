var s = `raw
