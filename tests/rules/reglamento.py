"""The rulebook's rule ids, copied by hand from its tables (co-telecom.md), not from the code."""

# One finding per rule of the rulebook's tables (co-telecom.md §2–§6: P1–P8, T1–T7, B1–B6, C1–C6,
# Q1–Q6 = 8 + 7 + 6 + 6 + 6 = 33) plus the regime/coverage finding of §1 ("RPU"): 34, in this order.
REGLAS_DEL_REGLAMENTO = [
    "RPU",
    "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
    "T1", "T2", "T3", "T4", "T5", "T6", "T7",
    "B1", "B2", "B3", "B4", "B5", "B6",
    "C1", "C2", "C3", "C4", "C5", "C6",
    "Q1", "Q2", "Q3", "Q4", "Q5", "Q6",
]
