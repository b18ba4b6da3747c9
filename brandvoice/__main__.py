from brandvoice.cli.entry import main

main()
