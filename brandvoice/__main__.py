from brandvoice.cli.app import main

main()
