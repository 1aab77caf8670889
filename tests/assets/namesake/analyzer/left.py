from analyzer.right import RIGHT

LEFT = 1
