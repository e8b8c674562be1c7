# frozen_string_literal: true

class InvoiceReport
  TABLE = "invoices"

  # Totals per customer, straight SQL for speed.
  TOTALS = <<~SQL.squish
    SELECT customer_id, sum(amount_cents) AS total
      FROM #{TABLE}
     GROUP BY customer_id
  SQL

  def totals
    ActiveRecord::Base.connection.exec_query(TOTALS)
  end

  def memo_of(id)
    Invoice.find_by_sql(["SELECT memo FROM invoices WHERE id = ?", id])
  end
end
