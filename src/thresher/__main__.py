from thresher.cli import main

raise SystemExit(main())
