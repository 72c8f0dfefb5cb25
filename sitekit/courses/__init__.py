"""Course kit: the class workbook a trainer fills and the class report made from it."""
