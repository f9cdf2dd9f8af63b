-- sysbench 1.0.x script: every event sends one plain-text `SELECT 1` (COM_QUERY) and reads the row.
-- Usage: sysbench bench/select1.lua --db-driver=mysql --db-ps-mode=disable --mysql-host=... run

function thread_init()
  drv = sysbench.sql.driver()
  con = drv:connect()
end

function thread_done()
  con:disconnect()
end

function event()
  con:query("SELECT 1")
end
